opt_L_missing.m4 becomes the value
