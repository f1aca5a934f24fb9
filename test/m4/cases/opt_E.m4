before
len(`a', `b')
after warning
