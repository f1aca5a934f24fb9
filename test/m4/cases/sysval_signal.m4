sysval
syscmd(`kill -9 $$')sysval
syscmd(`kill -15 $$')sysval
syscmd(`kill -1 $$')sysval
esyscmd(`kill -9 $$')sysval
syscmd(`exit 0')sysval
syscmd(`sh -c "kill -9 \$\$"')sysval
syscmd(`exit 137')sysval
