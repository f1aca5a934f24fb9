processed after the missing operand
