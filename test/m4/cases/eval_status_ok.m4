eval(`1 / 0') eval(`1 % 0') eval(`abc') eval(`(1') eval(`2 ** -1') eval(`1 ? 2 : 3')
exit status stays 0
