eval(`1 + 2') eval(`2 * 3') eval(`7 / 2') eval(`7 % 3') eval(`-7 / 2') eval(`-7 % 3') eval(`7 % -3')
eval(`2 ** 10') eval(`2 ** 0') eval(`0 ** 0') eval(`(-2) ** 3') eval(`-2 ** 2') eval(`2 ** 3 ** 2')
eval(`1 + 2 * 3') eval(`(1 + 2) * 3') eval(`10 - 2 - 3') eval(`100 / 10 / 5')
eval(`-5') eval(`+5') eval(`--5') eval(`- -5') eval(`!0') eval(`!5') eval(`~0') eval(`~5')
eval(`0x1F') eval(`0X1f') eval(`010') eval(`0b101') eval(`0B11') eval(`0r36:zz') eval(`0r2:1010') eval(`0r10:99')
eval(`   42   ') eval(`
1
+
2
')
eval(`2147483647 + 1') eval(`-2147483648 - 1') eval(`-2147483648 / -1') eval(`-2147483648 % -1')
eval(`4294967296') eval(`0xffffffff') eval(`99999999999')
eval(`1') eval(`0') eval(`00') eval(`0x0')
define(`n', `5')eval(n * 2) eval(`n * 2')
eval(len(`abc') + 1)
eval(`1,2')
eval(1, 2)
