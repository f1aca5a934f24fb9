first line of main file
second line
