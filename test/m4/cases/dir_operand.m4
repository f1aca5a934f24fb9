processed after the directory operand
