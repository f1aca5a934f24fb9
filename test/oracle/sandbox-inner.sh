#!/bin/sh
# sandbox-inner.sh -- run by sendmail_oracle.ts through
#   unshare --uts --mount --net --propagation private -- sh sandbox-inner.sh CMD...
# i.e. already inside fresh UTS, mount and network namespaces. Sets the host
# name, bind-mounts the sandbox's hosts/nsswitch.conf/resolv.conf/
# service.switch/passwd over /etc (visible to this process tree only) and
# execs CMD. Never run it directly: the mounts would hit the real system.
set -eu
: "${SM_ORACLE_FILES:?}" "${SM_ORACLE_HOSTNAME:?}" "${SM_ORACLE_PASSWD:?}"

# refuse unless the network namespace is private (only "lo" visible)
for ifc in $(awk -F: 'NR > 2 { gsub(/ /, "", $1); print $1 }' /proc/self/net/dev); do
	if [ "$ifc" != lo ]; then
		echo "sandbox-inner.sh: interface $ifc visible, not in a private network namespace" >&2
		exit 3
	fi
done
ip link set lo up 2>/dev/null || ifconfig lo up 2>/dev/null || true
hostname "$SM_ORACLE_HOSTNAME"
for f in hosts nsswitch.conf resolv.conf; do
	mount --bind "$SM_ORACLE_FILES/$f" "/etc/$f"
done
mount --bind "$SM_ORACLE_PASSWD" /etc/passwd
if [ -e /etc/mail/service.switch ]; then
	mount --bind "$SM_ORACLE_FILES/service.switch" /etc/mail/service.switch
fi
exec "$@"
