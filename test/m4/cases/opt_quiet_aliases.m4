len(`a', `b')
