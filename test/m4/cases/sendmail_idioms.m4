divert(-1)
changecom()
define(`PUSHDIVERT', `pushdef(`__D__', divnum)divert($1)')
define(`POPDIVERT', `divert(__D__)popdef(`__D__')')
define(`lower', `translit(`$1', `ABCDEFGHIJKLMNOPQRSTUVWXYZ', `abcdefghijklmnopqrstuvwxyz')')
define(`strcasecmp', `ifelse(lower($1), lower($2), `1', `0')')
define(`_ACC_ARG_2_',`$2')
define(`_ARG2_',`_ACC_ARG_2_(_ARGS_)')
define(`_DEFIFNOT',`ifdef(`$1',`',`define(`$1',`$2')')')
define(`_ADDCHAR_',`define(`_I_',`eval(index(`$1',`$2') >= 0)')`'ifelse(_I_,`1',`$1',`$1$2')')
define(`_DELCHAR_',`define(`_IDX_',`index(`$1',`$2')')`'define(`_I_',`eval(_IDX_ >= 0)')`'ifelse(_I_,`1',`substr(`$1',0,_IDX_)`'substr(`$1',eval(_IDX_+1))',`$1')')
define(`_AP_',`ifelse(`$3',`',`$2',`_AP_(`$1',$1(`$2',substr(`$3',0,1)),substr(`$3',1))')')
define(`_DPO_',`')
define(`DAEMON_OPTIONS', `define(`_DPO_', defn(`_DPO_')
O DaemonPortOptions=`$1')')
define(`FEATURE', `PUSHDIVERT(-1)define(`_ARG_', `$2')define(`_ARGS_', `shift($@)')define(`_FEAT_'$1, `1')POPDIVERT`'')
define(`confFOO', `bar')
define(`_OPTION', `ifdef(`$2', `O $1=$2', `#O $1=`'ifelse(`$3', `', `', `$3')')')
divert(0)dnl
# this line is not a comment any more (changecom()) and __line__ expands
strcasecmp(`Hello', `hELLO') strcasecmp(`a', `b')
_DEFIFNOT(`confX', `default')confX _DEFIFNOT(`confX', `other')confX
_AP_(`_ADDCHAR_', `abc', `cdx') _AP_(`_DELCHAR_', `abcdef', `bdz')
DAEMON_OPTIONS(`Port=smtp, Name=MTA')DAEMON_OPTIONS(`Port=587, Name=MSA, M=E')dnl
_DPO_
FEATURE(`nouucp', `reject', `extra')dnl
ifdef(`_FEAT_nouucp', `feature recorded') _ARG_ [_ARG2_]
_OPTION(`Foo', `confFOO', `x')
_OPTION(`Bar', `confBAR', `dflt')
PUSHDIVERT(5)in five
POPDIVERT`'dnl
divnum
PUSHDIVERT(6)PUSHDIVERT(7)seven
POPDIVERT`'six
POPDIVERT`'back divnum
undivert(7)undivert(5)dnl
define(`SITE', `ifelse(`$1', `', `', `$1 SITE(shift($@))')')SITE(a, b, c)
ifelse(len(`confFOO'), `7', `len ok')
