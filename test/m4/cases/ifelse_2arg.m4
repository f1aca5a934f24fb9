[ifelse(`a', `a')]
[ifelse(`a', `b')]
[ifelse(`', `')]
[ifelse(,)]
