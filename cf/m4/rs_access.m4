divert(-1)
dnl #
dnl # cf/m4/rs_access.m4 -- access map lookups, written only with
dnl # FEATURE(`access_db').  Every lookup ruleset takes
dnl #
dnl #	<key> <default> <mark tag> <passthru>
dnl #
dnl # where mark is "+" (look up Tag:key, then key alone) or "!" (only Tag:key),
dnl # and returns "<value> <passthru>", or "<default> <passthru>" when nothing
dnl # was found.  The names D, A, F, E, U and SearchList are the ones other
dnl # people's LOCAL_RULESETS call, so they are kept.
dnl #
ifdef(`_ACCESS_TABLE_', `divert(0)', `divert(-1)')dnl
dnl ############################################
dnl ###  D (LookUpDomain): a host name, then its parent domains; an address
dnl ###  literal [a.b.c.d] drops one byte at a time
dnl ############################################
SD
R<$*> <$+> <$- $-> <$*>		$: < $(access $4:$1 $: ? $) > <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$+> <+ $-> <$*>	$: < $(access $1 $: ? $) > <$1> <$2> <+ $3> <$4>
ifdef(`_LOOKUPDOTDOMAIN_', `dnl
dnl # FEATURE(`lookupdotdomain'): also ".parent.domain"
R<?> <$+.$+> <$+> <$- $-> <$*>	$: < $(access $5:.$2 $: ? $) > <$1.$2> <$3> <$4 $5> <$6>
R<?> <$+.$+> <$+> <+ $-> <$*>	$: < $(access .$2 $: ? $) > <$1.$2> <$3> <+ $4> <$5>', `dnl')
ifdef(`_ACCESS_SKIP_', `dnl
dnl # SKIP: stop looking, use the default
R<SKIP> <$+> <$+> <$- $-> <$*>	$@ <$2> <$5>', `dnl')
R<?> <[$+.$-]> <$+> <$- $-> <$*>	$@ $>D <[$1]> <$3> <$4 $5> <$6>
ifdef(`NO_NETINET6', `dnl', `dnl
R<?> <[$+::$-]> <$+> <$- $-> <$*>	$: $>D <[$1]> <$3> <$4 $5> <$6>
R<?> <[$+:$-]> <$+> <$- $-> <$*>	$: $>D <[$1]> <$3> <$4 $5> <$6>')
R<?> <$+.$+> <$+> <$- $-> <$*>	$@ $>D <$2> <$3> <$4 $5> <$6>
ifdef(`_FFR_LOOKUPTAG_', `dnl
R<?> <$+> <$+> <! $-> <$*>	$: < $(access $3: $: ? $) > <$1> <$2> <! $3> <$4>', `dnl')
R<?> <$+> <$+> <$- $-> <$*>	$@ <$2> <$5>			not found
ifdef(`_ATMPF_', `dnl
R<$* _ATMPF_> <$+> <$+> <$- $-> <$*>	$@ <_ATMPF_> <$6>		map failed', `dnl')
R<$*> <$+> <$+> <$- $-> <$*>	$@ <$1> <$6>			found

dnl ############################################
dnl ###  A (LookUpAddress): an IP address, then ever shorter nets
dnl ############################################
SA
R<$+> <$+> <$- $-> <$*>		$: < $(access $4:$1 $: ? $) > <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$+> <+ $-> <$*>	$: < $(access $1 $: ? $) > <$1> <$2> <+ $3> <$4>
ifdef(`_ACCESS_SKIP_', `dnl
R<SKIP> <$+> <$+> <$- $-> <$*>	$@ <$2> <$5>', `dnl')
ifdef(`NO_NETINET6', `dnl', `dnl
R<?> <$+::$-> <$+> <$- $-> <$*>		$@ $>A <$1> <$3> <$4 $5> <$6>
R<?> <$+:$-> <$+> <$- $-> <$*>		$@ $>A <$1> <$3> <$4 $5> <$6>')
R<?> <$+.$-> <$+> <$- $-> <$*>		$@ $>A <$1> <$3> <$4 $5> <$6>
R<?> <$+> <$+> <$- $-> <$*>	$@ <$2> <$5>			not found
ifdef(`_ATMPF_', `dnl
R<$* _ATMPF_> <$+> <$+> <$- $-> <$*>	$@ <_ATMPF_> <$6>		map failed', `dnl')
R<$*> <$+> <$+> <$- $-> <$*>	$@ <$1> <$6>			found

dnl ############################################
dnl ###  F (LookUpFull): user@domain; with +detail also user+*@domain and
dnl ###  user@domain
dnl ############################################
SF
R<$+> <$*> <$- $-> <$*>		$: <$(access $4:$1 $: ? $)> <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$*> <+ $-> <$*>	$: <$(access $1 $: ? $)> <$1> <$2> <+ $3> <$4>
R<?> <$+ + $* @ $+> <$*> <$- $-> <$*>
			$: <$(access $6:$1+*@$3 $: ? $)> <$1+$2@$3> <$4> <$5 $6> <$7>
R<?> <$+ + $* @ $+> <$*> <+ $-> <$*>
			$: <$(access $1+*@$3 $: ? $)> <$1+$2@$3> <$4> <+ $5> <$6>
R<?> <$+ + $* @ $+> <$*> <$- $-> <$*>
			$: <$(access $6:$1@$3 $: ? $)> <$1+$2@$3> <$4> <$5 $6> <$7>
R<?> <$+ + $* @ $+> <$*> <+ $-> <$*>
			$: <$(access $1@$3 $: ? $)> <$1+$2@$3> <$4> <+ $5> <$6>
R<?> <$+> <$*> <$- $-> <$*>	$@ <$2> <$5>			not found
ifdef(`_ATMPF_', `dnl
R<$+ _ATMPF_> <$*> <$- $-> <$*>	$@ <_ATMPF_> <$5>		map failed', `dnl')
R<$+> <$*> <$- $-> <$*>		$@ <$1> <$5>			found

dnl ############################################
dnl ###  E (LookUpExact): just the key
dnl ############################################
SE
R<$*> <$*> <$- $-> <$*>		$: <$(access $4:$1 $: ? $)> <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$*> <+ $-> <$*>	$: <$(access $1 $: ? $)> <$1> <$2> <+ $3> <$4>
R<?> <$+> <$*> <$- $-> <$*>	$@ <$2> <$5>			not found
ifdef(`_ATMPF_', `dnl
R<$+ _ATMPF_> <$*> <$- $-> <$*>	$@ <_ATMPF_> <$5>		map failed', `dnl')
R<$+> <$*> <$- $-> <$*>		$@ <$1> <$5>			found

dnl ############################################
dnl ###  U (LookUpUser): user@ (the key keeps its @); with +detail also
dnl ###  user+*@ and user@
dnl ############################################
SU
R<$+> <$*> <$- $-> <$*>		$: <$(access $4:$1 $: ? $)> <$1> <$2> <$3 $4> <$5>
R<?> <$+> <$*> <+ $-> <$*>	$: <$(access $1 $: ? $)> <$1> <$2> <+ $3> <$4>
R<?> <$+ + $* @> <$*> <$- $-> <$*>
			$: <$(access $5:$1+*@ $: ? $)> <$1+$2@> <$3> <$4 $5> <$6>
R<?> <$+ + $* @> <$*> <+ $-> <$*>
			$: <$(access $1+*@ $: ? $)> <$1+$2@> <$3> <+ $4> <$5>
R<?> <$+ + $* @> <$*> <$- $-> <$*>
			$: <$(access $5:$1@ $: ? $)> <$1+$2@> <$3> <$4 $5> <$6>
R<?> <$+ + $* @> <$*> <+ $-> <$*>
			$: <$(access $1@ $: ? $)> <$1+$2@> <$3> <+ $4> <$5>
R<?> <$+> <$*> <$- $-> <$*>	$@ <$2> <$5>			not found
ifdef(`_ATMPF_', `dnl
R<$+ _ATMPF_> <$*> <$- $-> <$*>	$@ <_ATMPF_> <$5>		map failed', `dnl')
R<$+> <$*> <$- $-> <$*>		$@ <$1> <$5>			found

dnl ############################################
dnl ###  SearchList: <mark tag> $| <K:item> <K:item> ... <>
dnl ###  K is the lookup to use (D, A, E, F, U); the first hit wins.
dnl ###  Returns <value>, or <?> when nothing matched.
dnl ############################################
C{Src}E F D U ifdef(`_FFR_SRCHLIST_A', `A')
SSearchList
R<$+> $| <$={Src}:$*> <$*>	$: <$1> $| <$4> $| $>$2 <$3> <?> <$1> <>
R<$+> $| <> $| <?> <>		$@ <?>				the end
R<$+> $| <$+> $| <?> <>		$@ $>SearchList <$1> $| <$2>	next item
R<$+> $| <$*> $| <$+> <>	$@ <$3>				a hit
R<$+> $| <$+>			$@ <$2>				from deeper down
divert(0)dnl
