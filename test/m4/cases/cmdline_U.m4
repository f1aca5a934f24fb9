foo len(abc) eval(1) later
