divert(-1)
dnl #
dnl # cf/m4/rs_canon.m4 -- address canonification: rulesets canonify (3), its
dnl # second half Canonify2 (96), final (4) and Recurse (97).
dnl #
dnl # Read by m4/proto.m4 in diversion 0.  The text below is sendmail.cf rules;
dnl # m4 only decides which conditional blocks are kept.  (m4 builtin names that
dnl # occur in rules, such as `include', are quoted.)
dnl #
divert(0)dnl
############################################
###  canonify (3): bring an address into the canonical form
###	local < @ host . > trailer		(remote or qualified)
###	local					(unqualified)
###	<@>					(the null address)
############################################
Scanonify=3

# nothing at all is the null sender
R$@			$@ <@>

# RFC 822 group syntax "name: a, b;" -- a leading "name:" goes unless the
# colon belongs to something that needs it (a <...> part, an @route:, an
# IPv6 literal, a DECnet node::, :`include':), and a trailing ";" goes.
R$*			$: $1 <@>			mark as plain
R$* < $* > $* <@>	$: $1 < $2 > $3			has <..>: not a group
R@ $* <@>		$: @ $1				@route: not a group
R$* [ IPv6 : $+ ] <@>	$: $1 [ IPv6 : $2 ]		IPv6 literal
R$* :: $* <@>		$: $1 :: $2			DECnet node::user
R:`include': $* <@>	$: :`include': $1			:`include':file
R$* : $* [ $* ]		$: $1 : $2 [ $3 ] <@>		colon before a literal
R$* : $* <@>		$: $2				drop "group:"
R$* <@>			$: $1				plain again
R$* ;			   $1				drop the ";"
R$* < $+ :; > $*	$@ $2 :; <@>			<list:;>
R$* < $* ; >		   $1 < $2 >			";" inside <..>

# "group:;" left nothing: an empty list
R$@			$@ :; <@>

# keep what is inside the innermost <...> (the RFC 733 rule: the last pair
# on the left, the first on the right)
R$*			$: < $1 >			brackets for everyone
R$+ < $* >		   < $2 >			drop the phrase before
R< $* > $+		   < $1 >			drop the comment after
R<>			$@ < @ >			MAIL FROM:<>
R< $+ >			$: $1				unwrap

ifdef(`_USE_DEPRECATED_ROUTE_ADDR_', `dnl
# old style: keep <@a,@b:user@c> routes; "," becomes ":" and the first
# host is focused
R@ $+ , $+		@ $1 : $2			all "," -> ":"
ifdef(`NO_NETINET6', `dnl',
`R@ [$+] : $+		$@ $>Canonify2 < @ [$1] > : $2	route via literal')
R@ $+ : $+		$@ $>Canonify2 < @$1 > : $2	route',
`dnl
# source routes <@a,@b:user@c> are reduced to user@c (RFC 5321)
R@ $+ , $+		$2
ifdef(`NO_NETINET6', `dnl',
`R@ [ $* ] : $+		$2')
R@ $+ : $+		$2')

# list syntax "name: a, b; @host"
R $+ : $* ; @ $+	$@ $>Canonify2 $1 : $2 ; < @ $3 >
R $+ : $* ;		$@ $1 : $2;

# user@host: put the host part (after the last @) in < @ ... >
R$+ @ $+		$: $1 < @ $2 >			first @
R$+ < $+ @ $+ >		$1 $2 < @ $3 >			... move to the last
R$+ < @ $+ >		$@ $>Canonify2 $1 < @ $2 >	done

ifdef(`_NO_UUCP_', `', `dnl
# bang paths: host!user and dom.ain!user
R$- ! $+		$@ $>Canonify2 $2 < @ $1 .UUCP >	uucp host
R$+ . $- ! $+		$@ $>Canonify2 $3 < @ $1 . $2 >		domain!user
R$+ ! $+		$@ $>Canonify2 $2 < @ $1 .UUCP >	uucp subdomain
')dnl
ifdef(`_USE_DECNET_SYNTAX_', `dnl
# DECnet node::user
R$- :: $+		$@ $>Canonify2 $2 < @ $1 .DECNET >	node::user
R$- . $- :: $+		$@ $>Canonify2 $3 < @ $1.$2 .DECNET >	area.node::user
')dnl
ifdef(`_NO_PERCENTHACK_', `', `dnl
# the %-hack: the rightmost % is the host separator
R$* % $*		$1 @ $2				every % -> @
R$* @ $* @ $*		$1 % $2 @ $3			all but the last back
')dnl
R$* @ $*		$@ $>Canonify2 $1 < @ $2 >	user@host

# no host at all: a local name
R$*			$@ $>Canonify2 $1


############################################
###  Canonify2 (96): the host part, once it is in < @ ... >
############################################
SCanonify2=96

# names of this very host
R$* < @ localhost > $*		$: $1 < @ $j . > $2		localhost
R$* < @ localhost . $m > $*	$: $1 < @ $j . > $2		localhost.domain
ifdef(`_NO_UUCP_', `dnl',
`R$* < @ localhost . UUCP > $*	$: $1 < @ $j . > $2		localhost.UUCP')

# domain literals [1.2.3.4]: ours become $j, others stay as they are
R$* < @ [ $+ ] > $*		$: $1 < @@ [ $2 ] > $3		mark the literal
R$* < @@ $=w > $*		$: $1 < @ $j . > $3		one of ours
R$* < @@ $+ > $*		$@ $1 < @ $2 > $3		someone else

ifdef(`_DOMAIN_TABLE_', `dnl
# renamed domains (the domaintable feature)
R$* < @ $+ > $*		$: $1 < @ $(domaintable $2 $) > $3', `dnl')

undivert(2)dnl LOCAL_RULE_3

ifdef(`_BITDOMAIN_TABLE_', `dnl
R$* < @ $+ .BITNET > $*		$: $1 < @ $(bitdomain $2 $: $2.BITNET $) > $3', `dnl')
ifdef(`_UUDOMAIN_TABLE_', `dnl
R$* < @ $+ .UUCP > $*		$: $1 < @ $(uudomain $2 $: $2.UUCP $) > $3', `dnl')

ifdef(`_NO_UUCP_', `dnl',
`ifdef(`UUCP_RELAY',
`# UUCP names go to the UUCP relay as they are
R$* < @ $+ . UUCP > $*		$@ $1 < @ $2 . UUCP . > $3',
`# our own UUCP neighbours are final
ifdef(`_CLASS_U_',
`R$* < @ $=U . UUCP > $*	$@ $1 < @ $2 . UUCP . > $3', `dnl')
ifdef(`_CLASS_V_',
`R$* < @ $=V . UUCP > $*	$@ $1 < @ $2 . UUCP . > $3', `dnl')
ifdef(`_CLASS_W_',
`R$* < @ $=W . UUCP > $*	$@ $1 < @ $2 . UUCP . > $3', `dnl')
ifdef(`_CLASS_X_',
`R$* < @ $=X . UUCP > $*	$@ $1 < @ $2 . UUCP . > $3', `dnl')
ifdef(`_CLASS_Y_',
`R$* < @ $=Y . UUCP > $*	$@ $1 < @ $2 . UUCP . > $3', `dnl')
ifdef(`_NO_CANONIFY_', `dnl', `dnl
# host.UUCP may really be an internet host
R$* < @ $+ . UUCP > $*		$: $1 < @ $[ $2 $] . UUCP . > $3
R$* < @ $+ . . UUCP . > $*	$@ $1 < @ $2 . > $3')
')')
# a host ending in a class P token (a dot, a pseudo domain) is canonical
R$* < @ $* $=P > $*		$: $1 < @ $2 $3 . > $4
# anything else is looked up, unless the daemon flags say otherwise
R$* < @ $* $~P > $*		$: $&{daemon_flags} $| $1 < @ $2 $3 > $4
ifdef(`_NO_CANONIFY_', `dnl
# feature nocanonify: look up only names in class {Canonify}, or
# everything when the daemon has modifier c
R$* $| $* < @ $* $={Canonify} > $*	$: $2 < @ $[ $3 $4 $] > $5
R$* c $* $| $* < @ $* > $*	$: $3 < @ $[ $4 $] > $5
R$* $| $* < @ $+ . > $*		$: $2 < @ $3 . > $4
# qualified names get the trailing dot the later rules rely on
R$* $| $* < @ $+.$+ > $*	$: $2 < @ $3.$4 . > $5
ifdef(`_CANONIFY_HOSTS_', `dnl
# ... and single-label host names are looked up anyway
R$* $| $* < @ $* > $*		$: $2 < @ $[ $3 $] > $4', `dnl')',
`dnl
# daemon modifier CC: do not look up, just add the dot to qualified names
R$* CC $* $| $* < @ $+.$+ > $*	$: $3 < @ $4.$5 . > $6
R$* CC $* $| $*			$: $3
# the name server makes the host name canonical
R$* $| $* < @ $* > $*		$: $2 < @ $[ $3 $] > $4')
R$* $| $*			$: $2				flags not needed

# our own names, masquerade, virtual and generics domains are canonical
R$* < @ $=w > $*		$: $1 < @ $2 . > $3
ifdef(`_MASQUERADE_ENTIRE_DOMAIN_',
`R$* < @ $* $=M > $*		$: $1 < @ $2 $3 . > $4',
`R$* < @ $=M > $*		$: $1 < @ $2 . > $3')
ifdef(`_VIRTUSER_TABLE_', `ifdef(`_VIRTUSER_ENTIRE_DOMAIN_',
`R$* < @ $* $={VirtHost} > $*	$: $1 < @ $2 $3 . > $4',
`R$* < @ $={VirtHost} > $*	$: $1 < @ $2 . > $3')', `dnl')
ifdef(`_GENERICS_TABLE_', `ifdef(`_GENERICS_ENTIRE_DOMAIN_',
`R$* < @ $* $=G > $*	$: $1 < @ $2 $3 . > $4',
`R$* < @ $=G > $*	$: $1 < @ $2 . > $3')', `dnl')
# no double dots from the rules above
R$* < @ $* . . > $*		$1 < @ $2 . > $3


############################################
###  final (4): back to the external form
############################################
Sfinal=4

R$+ :; <@>		$@ $1 :				<list:;>
R$* <@>			$@				null address, empty list

R$* < @ $+ . > $*	$1 < @ $2 > $3			no trailing dot
R$* < @ *LOCAL* > $*	$1 < @ $j > $2			*LOCAL* is $j

R$* < $+ > $*		$1 $2 $3			drop the focus
R@ $+ : @ $+ : $+	@ $1 , @ $2 : $3		route: @a,@b:u@c
R@ $*			$@ @ $1				... leave it so

ifdef(`_NO_UUCP_', `dnl',
`# UUCP is written host!user
R$+ @ $- . UUCP		$2!$1')
ifdef(`_USE_DECNET_SYNTAX_',
`# DECnet is written node::user
R$+ @ $+ . DECNET	$2 :: $1', `dnl')
# u%ourhost@ourhost -> u@ourhost
R$+ % $=w @ $=w		$1 @ $2


############################################
###  Recurse (97): canonify and parse again
############################################
SRecurse=97
R$*			$: $>canonify $1
R$*			$@ $>parse $1

