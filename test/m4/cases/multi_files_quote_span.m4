x' still in quote
