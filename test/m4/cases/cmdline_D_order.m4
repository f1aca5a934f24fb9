x
popdef(`x')[x]
