__program__
[__gnu__] [__unix__]
ifdef(`__gnu__', `gnu defined', `gnu undefined')
ifdef(`__unix__', `__unix__ defined', `__unix__ undefined')
ifdef(`unix', `unix defined', `unix undefined')
ifdef(`windows', `windows defined', `windows undefined')
ifdef(`__windows__', `__windows__ defined', `__windows__ undefined')
ifdef(`os2', `os2 defined', `os2 undefined')
ifdef(`__os2__', `__os2__ defined', `__os2__ undefined')
[__gnu__(`x')]
defn(`__gnu__')
[defn(`__unix__')]
__program__(`ignored')
undefine(`__program__')__program__
