len(`abc') eval(`1+1') index(`a', `a')
