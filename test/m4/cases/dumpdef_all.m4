dumpdef
