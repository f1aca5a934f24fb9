m4_len(`abc') ten
