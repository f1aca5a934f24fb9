include(`inc/partial.inc')b)
after
