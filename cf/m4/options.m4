divert(-1)
dnl #
dnl # cf/m4/options.m4 -- the table from m4 names (confXXX) to sendmail.cf
dnl # options, in the order they are written.  Read by m4/proto.m4.
dnl #
dnl # _SM_OPT_(OptionName, confNAME, shown default): when confNAME is defined the
dnl # option is set ("O Name=value"; a name defined empty gives a bare "O Name",
dnl # which switches a boolean option on); otherwise a comment shows the
dnl # option with the binary's default, so the file documents every knob.
dnl #
define(`_SM_OPT_', `ifdef(`$2', `_SM_OPT_SET_(`$1', `$2')',
	`#O $1`'ifelse(`$3', `', `', `=$3')')')
define(`_SM_OPT_SET_', `ifelse(defn(`$2'), `', `O $1', `O $1=$2')')

dnl # Old spellings that still mean something.
define(`_SM_OLD_OPTIONS_',
`ifdef(`confDEF_GROUP_ID', `_SM_WARN_(`confDEF_GROUP_ID is obsolete: put the group into confDEF_USER_ID as user:group')')dnl
ifdef(`confREAD_TIMEOUT', `_SM_WARN_(`confREAD_TIMEOUT is obsolete: use the confTO_* timeouts')')dnl
ifdef(`confAUTO_REBUILD', `_SM_WARN_(`confAUTO_REBUILD is no longer supported (it allowed a denial of service)')')dnl
ifdef(`confUNSAFE_GROUP_WRITES', `_SM_WARN_(`confUNSAFE_GROUP_WRITES is deprecated; use confDONT_BLAME_SENDMAIL')')dnl
ifdef(`confMESSAGE_TIMEOUT', `_SM_SPLIT_MSG_TIMEOUT_(defn(`confMESSAGE_TIMEOUT'))')dnl
ifdef(`confMIN_FREE_BLOCKS', `ifelse(index(defn(`confMIN_FREE_BLOCKS'), `/'), -1, `',
	`_SM_WARN_(`confMIN_FREE_BLOCKS with a /maxsize part is obsolete: use confMAX_MESSAGE_SIZE')')')dnl
ifelse(defn(`confDAEMON_OPTIONS'), `', `',
	`_SM_WARN_(`confDAEMON_OPTIONS is no longer valid; use DAEMON_OPTIONS()')DAEMON_OPTIONS(defn(`confDAEMON_OPTIONS'))')dnl
ifelse(defn(`confCLIENT_OPTIONS'), `', `',
	`_SM_WARN_(`confCLIENT_OPTIONS is no longer valid; use CLIENT_OPTIONS()')CLIENT_OPTIONS(defn(`confCLIENT_OPTIONS'))')dnl
')
dnl # confMESSAGE_TIMEOUT was "return[/warn]"
define(`_SM_SPLIT_MSG_TIMEOUT_', `ifelse(index(`$1', `/'), -1,
	`define(`confTO_QUEUERETURN', `$1')',
	`define(`confTO_QUEUERETURN', substr(`$1', 0, index(`$1', `/')))dnl
define(`confTO_QUEUEWARN', substr(`$1', incr(index(`$1', `/'))))')')

dnl # The listening sockets: the ones DAEMON_OPTIONS asked for, or one MTA
dnl # socket on the SMTP port; plus the MSA on port 587 unless
dnl # FEATURE(`no_default_msa').
define(`_SM_DAEMONS_', `ifelse(defn(`_DPO_'), `',
	`ifdef(`_NETINET6_', `O DaemonPortOptions=Name=MTA-v4, Family=inet
O DaemonPortOptions=Name=MTA-v6, Family=inet6', `O DaemonPortOptions=Name=MTA')',
	`_DPO_')
ifdef(`_NO_MSA_', `dnl', `O DaemonPortOptions=Port=587, Name=MSA, M=E')')

define(`_SM_OPTIONS_', `dnl
###############
#   Options   #
###############

# 7-bit input, 8-bit handling
_SM_OPT_(SevenBitInput, `confSEVEN_BIT_INPUT', `False')
_SM_OPT_(EightBitMode, `confEIGHT_BIT_HANDLING', `pass8')

# aliases
_SM_OPT_(AliasWait, `confALIAS_WAIT', `5m')
_SM_OPT_(AliasFile, `ALIAS_FILE', MAIL_SETTINGS_DIR`'aliases)
_SM_OPT_(MaxAliasRecursion, `confMAX_ALIAS_RECURSION', `10')
_SM_OPT_(CheckAliases, `confCHECK_ALIASES', `False')

# sizes and space
_SM_OPT_(MinFreeBlocks, `confMIN_FREE_BLOCKS', `100')
_SM_OPT_(MaxMessageSize, `confMAX_MESSAGE_SIZE', `0')
_SM_OPT_(MaxHeadersLength, `confMAX_HEADERS_LENGTH', `32768')
_SM_OPT_(MaxMimeHeaderLength, `confMAX_MIME_HEADER_LENGTH', `0/0')
_SM_OPT_(DataFileBufferSize, `confDF_BUFFER_SIZE', `4096')
_SM_OPT_(XscriptFileBufferSize, `confXF_BUFFER_SIZE', `4096')

# address syntax
_SM_OPT_(BlankSub, `confBLANK_SUB', `_')
_SM_OPT_(OperatorChars, `confOPERATORS', `.:@[]')
_SM_OPT_(MustQuoteChars, `confMUST_QUOTE_CHARS', `.')
_SM_OPT_(ColonOkInAddr, `confCOLON_OK_IN_ADDR', `True')
_SM_OPT_(DontPruneRoutes, `confDONT_PRUNE_ROUTES', `False')
_SM_OPT_(MatchGECOS, `confMATCH_GECOS', `False')
_SM_OPT_(MeToo, `confME_TOO', `True')
_SM_OPT_(OldStyleHeaders, `confOLD_STYLE_HEADERS', `False')
_SM_OPT_(SingleLineFromHeader, `confSINGLE_LINE_FROM_HEADER', `False')
_SM_OPT_(UseCompressedIPv6Addresses, `confUSE_COMPRESSED_IPV6_ADDRESSES', `')

# delivery
_SM_OPT_(HoldExpensive, `confCON_EXPENSIVE', `False')
_SM_OPT_(CheckpointInterval, `confCHECKPOINT_INTERVAL', `10')
_SM_OPT_(DeliveryMode, `confDELIVERY_MODE', `background')
_SM_OPT_(ConnectionCacheSize, `confMCI_CACHE_SIZE', `2')
_SM_OPT_(ConnectionCacheTimeout, `confMCI_CACHE_TIMEOUT', `5m')
_SM_OPT_(HostStatusDirectory, `confHOST_STATUS_DIRECTORY', `.hoststat')
_SM_OPT_(SingleThreadDelivery, `confSINGLE_THREAD_DELIVERY', `False')
_SM_OPT_(ForwardPath, `confFORWARD_PATH', `/var/forward/$u:$z/.forward.$w:$z/.forward')
_SM_OPT_(DefaultUser, `confDEF_USER_ID', `mailnull')
_SM_OPT_(RunAsUser, `confRUN_AS_USER', `sendmail')
_SM_OPT_(FallbackMXhost, `confFALLBACK_MX', `fall.back.host.net')
_SM_OPT_(FallbackSmartHost, `confFALLBACK_SMARTHOST', `fall.back.host.net')
_SM_OPT_(TryNullMXList, `confTRY_NULL_MX_LIST', `False')
_SM_OPT_(DialDelay, `confDIAL_DELAY', `0s')
_SM_OPT_(DefaultCharSet, `confDEF_CHAR_SET', `unknown-8bit')
_SM_OPT_(SafeFileEnvironment, `confSAFE_FILE_ENV', `')
_SM_OPT_(DontInitGroups, `confDONT_INIT_GROUPS', `False')
_SM_OPT_(UnsafeGroupWrites, `confUNSAFE_GROUP_WRITES', `True')
_SM_OPT_(ConnectOnlyTo, `confCONNECT_ONLY_TO', `0.0.0.0')
_SM_OPT_(MailboxDatabase, `confMAILBOX_DATABASE', `pw')
_SM_OPT_(DeliverByMin, `confDELIVER_BY_MIN', `0')
_SM_OPT_(FastSplit, `confFAST_SPLIT', `1')

# errors and bounces
_SM_OPT_(ErrorHeader, `confERROR_MESSAGE', MAIL_SETTINGS_DIR`'error-header)
_SM_OPT_(ErrorMode, `confERROR_MODE', `print')
_SM_OPT_(SendMimeErrors, `confMIME_FORMAT_ERRORS', `True')
_SM_OPT_(UseErrorsTo, `confUSE_ERRORS_TO', `False')
_SM_OPT_(PostmasterCopy, `confCOPY_ERRORS_TO', `Postmaster')
_SM_OPT_(DoubleBounceAddress, `confDOUBLE_BOUNCE_ADDRESS', `postmaster')
_SM_OPT_(SoftBounce, `confSOFT_BOUNCE', `False')
_SM_OPT_(DeadLetterDrop, `confDEAD_LETTER_DROP', `/var/tmp/dead.letter')
_SM_OPT_(RrtImpliesDsn, `confRRT_IMPLIES_DSN', `False')
_SM_OPT_(NoRecipientAction, `confNO_RCPT_ACTION', `none')

# files
_SM_OPT_(SaveFromLine, `confSAVE_FROM_LINES', `False')
_SM_OPT_(QueueFileMode, `confQUEUE_FILE_MODE', `0600')
_SM_OPT_(TempFileMode, `confTEMP_FILE_MODE', `0600')
O HelpFile=ifdef(`HELP_FILE', `HELP_FILE', `MAIL_SETTINGS_DIR`'helpfile')
_SM_OPT_(StatusFile, `STATUS_FILE')
_SM_OPT_(PidFile, `confPID_FILE', `/var/run/sendmail.pid')
_SM_OPT_(ServiceSwitchFile, `confSERVICE_SWITCH_FILE', MAIL_SETTINGS_DIR`'service.switch)
_SM_OPT_(HostsFile, `confHOSTS_FILE', `/etc/hosts')
_SM_OPT_(UserDatabaseSpec, `confUSERDB_SPEC', MAIL_SETTINGS_DIR`'userdb)
_SM_OPT_(ControlSocketName, `confCONTROL_SOCKET_NAME', `/var/spool/mqueue/.control')
_SM_OPT_(RequiresDirfsync, `confREQUIRES_DIR_FSYNC', `true')

# logging and identity
_SM_OPT_(LogLevel, `confLOG_LEVEL', `10')
_SM_OPT_(SmtpGreetingMessage, `confSMTP_LOGIN_MSG', `$j Sendmail $v ready at $b')
_SM_OPT_(UnixFromLine, `confFROM_LINE', `From $g $d')
_SM_OPT_(ProcessTitlePrefix, `confPROCESS_TITLE_PREFIX', `prefix')
_SM_OPT_(HeloName, `confHELO_NAME')
_SM_OPT_(TrustedUser, `confTRUSTED_USER', `root')
_SM_OPT_(DontProbeInterfaces, `confDONT_PROBE_INTERFACES', `False')

# SMTP server
_SM_OPT_(MaxHopCount, `confMAX_HOP', `25')
_SM_OPT_(IgnoreDots, `confIGNORE_DOTS', `False')
_SM_OPT_(PrivacyOptions, `confPRIVACY_FLAGS', `authwarnings')
_SM_OPT_(AllowBogusHELO, `confALLOW_BOGUS_HELO', `False')
_SM_OPT_(MaxRecipientsPerMessage, `confMAX_RCPTS_PER_MESSAGE', `0')
_SM_OPT_(BadRcptThrottle, `confBAD_RCPT_THROTTLE', `0')
_SM_OPT_(MaxNOOPCommands, `confMAX_NOOP_COMMANDS', `20')
_SM_OPT_(RejectNUL, `confREJECT_NUL', `false')
_SM_OPT_(DirectSubmissionModifiers, `confDIRECT_SUBMISSION_MODIFIERS', `')
_SM_OPT_(UseMSP, `confUSE_MSP', `')
_SM_DAEMONS_
ifelse(defn(`_CPO_'), `', `#O ClientPortOptions=Family=inet, Address=0.0.0.0', `_CPO_')

# load and concurrency limits
_SM_OPT_(QueueLA, `confQUEUE_LA', `8')
_SM_OPT_(RefuseLA, `confREFUSE_LA', `12')
_SM_OPT_(DelayLA, `confDELAY_LA', `0')
_SM_OPT_(RejectLogInterval, `confREJECT_LOG_INTERVAL', `3h')
_SM_OPT_(MaxDaemonChildren, `confMAX_DAEMON_CHILDREN', `0')
_SM_OPT_(ConnectionRateThrottle, `confCONNECTION_RATE_THROTTLE', `0')
_SM_OPT_(ConnectionRateWindowSize, `confCONNECTION_RATE_WINDOW_SIZE', `60s')

# the queue
O QueueDirectory=ifdef(`QUEUE_DIR', `QUEUE_DIR', `/var/spool/mqueue')
_SM_OPT_(SuperSafe, `confSAFE_QUEUE', `True')
_SM_OPT_(QueueFactor, `confQUEUE_FACTOR', `600000')
_SM_OPT_(MaxQueueChildren, `confMAX_QUEUE_CHILDREN', `')
_SM_OPT_(MaxRunnersPerQueue, `confMAX_RUNNERS_PER_QUEUE', `1')
_SM_OPT_(NiceQueueRun, `confNICE_QUEUE_RUN', `')
_SM_OPT_(QueueSortOrder, `confQUEUE_SORT_ORDER', `priority')
_SM_OPT_(MinQueueAge, `confMIN_QUEUE_AGE', `30m')
_SM_OPT_(MaxQueueAge, `confMAX_QUEUE_AGE', `')
_SM_OPT_(MaxQueueRunSize, `confMAX_QUEUE_RUN_SIZE', `0')
_SM_OPT_(RecipientFactor, `confWORK_RECIPIENT_FACTOR', `30000')
_SM_OPT_(ForkEachJob, `confSEPARATE_PROC', `False')
_SM_OPT_(ClassFactor, `confWORK_CLASS_FACTOR', `1800')
_SM_OPT_(RetryFactor, `confWORK_TIME_FACTOR', `90000')
_SM_OPT_(SharedMemoryKey, `confSHARED_MEMORY_KEY', `0')
_SM_OPT_(SharedMemoryKeyFile, `confSHARED_MEMORY_KEY_FILE', `')

# timeouts
_SM_OPT_(Timeout.initial, `confTO_INITIAL', `5m')
_SM_OPT_(Timeout.connect, `confTO_CONNECT', `5m')
_SM_OPT_(Timeout.aconnect, `confTO_ACONNECT', `0s')
_SM_OPT_(Timeout.iconnect, `confTO_ICONNECT', `5m')
_SM_OPT_(Timeout.helo, `confTO_HELO', `5m')
_SM_OPT_(Timeout.mail, `confTO_MAIL', `10m')
_SM_OPT_(Timeout.rcpt, `confTO_RCPT', `1h')
_SM_OPT_(Timeout.datainit, `confTO_DATAINIT', `5m')
_SM_OPT_(Timeout.datablock, `confTO_DATABLOCK', `1h')
_SM_OPT_(Timeout.datafinal, `confTO_DATAFINAL', `1h')
_SM_OPT_(Timeout.rset, `confTO_RSET', `5m')
_SM_OPT_(Timeout.quit, `confTO_QUIT', `2m')
_SM_OPT_(Timeout.misc, `confTO_MISC', `2m')
_SM_OPT_(Timeout.command, `confTO_COMMAND', `1h')
_SM_OPT_(Timeout.ident, `confTO_IDENT', `5s')
_SM_OPT_(Timeout.fileopen, `confTO_FILEOPEN', `60s')
_SM_OPT_(Timeout.control, `confTO_CONTROL', `2m')
_SM_OPT_(Timeout.queuereturn, `confTO_QUEUERETURN', `5d')
_SM_OPT_(Timeout.queuereturn.normal, `confTO_QUEUERETURN_NORMAL', `5d')
_SM_OPT_(Timeout.queuereturn.urgent, `confTO_QUEUERETURN_URGENT', `2d')
_SM_OPT_(Timeout.queuereturn.non-urgent, `confTO_QUEUERETURN_NONURGENT', `7d')
_SM_OPT_(Timeout.queuereturn.dsn, `confTO_QUEUERETURN_DSN', `5d')
_SM_OPT_(Timeout.queuewarn, `confTO_QUEUEWARN', `4h')
_SM_OPT_(Timeout.queuewarn.normal, `confTO_QUEUEWARN_NORMAL', `4h')
_SM_OPT_(Timeout.queuewarn.urgent, `confTO_QUEUEWARN_URGENT', `1h')
_SM_OPT_(Timeout.queuewarn.non-urgent, `confTO_QUEUEWARN_NONURGENT', `12h')
_SM_OPT_(Timeout.queuewarn.dsn, `confTO_QUEUEWARN_DSN', `4h')
_SM_OPT_(Timeout.hoststatus, `confTO_HOSTSTATUS', `30m')
_SM_OPT_(Timeout.resolver.retrans, `confTO_RESOLVER_RETRANS', `5s')
_SM_OPT_(Timeout.resolver.retrans.first, `confTO_RESOLVER_RETRANS_FIRST', `5s')
_SM_OPT_(Timeout.resolver.retrans.normal, `confTO_RESOLVER_RETRANS_NORMAL', `5s')
_SM_OPT_(Timeout.resolver.retry, `confTO_RESOLVER_RETRY', `4')
_SM_OPT_(Timeout.resolver.retry.first, `confTO_RESOLVER_RETRY_FIRST', `4')
_SM_OPT_(Timeout.resolver.retry.normal, `confTO_RESOLVER_RETRY_NORMAL', `4')
_SM_OPT_(Timeout.lhlo, `confTO_LHLO', `2m')
_SM_OPT_(Timeout.auth, `confTO_AUTH', `10m')
_SM_OPT_(Timeout.starttls, `confTO_STARTTLS', `1h')

# time zone: USE_SYSTEM = the system default, USE_TZ = the TZ variable,
# anything else is the zone to use
ifelse(defn(`confTIME_ZONE'), `USE_SYSTEM', `#O TimeZoneSpec=',
	defn(`confTIME_ZONE'), `USE_TZ', `O TimeZoneSpec=',
	`O TimeZoneSpec=confTIME_ZONE')

# name service
_SM_OPT_(ResolverOptions, `confBIND_OPTS', `+AAONLY')
_SM_OPT_(DontExpandCnames, `confDONT_EXPAND_CNAMES', `False')
_SM_OPT_(LDAPDefaultSpec, `confLDAP_DEFAULT_SPEC', `-h localhost')

# SMTP AUTH
_SM_OPT_(AuthMechanisms, `confAUTH_MECHANISMS', `EXTERNAL GSSAPI KERBEROS_V4 DIGEST-MD5 CRAM-MD5')
_SM_OPT_(AuthRealm, `confAUTH_REALM', `')
_SM_OPT_(DefaultAuthInfo, `confDEF_AUTH_INFO', MAIL_SETTINGS_DIR`'default-auth-info)
_SM_OPT_(AuthOptions, `confAUTH_OPTIONS', `')
_SM_OPT_(AuthMaxBits, `confAUTH_MAX_BITS', `')

# STARTTLS
_SM_OPT_(TLSSrvOptions, `confTLS_SRV_OPTIONS', `')
_SM_OPT_(CipherList, `confCIPHER_LIST', `')
_SM_OPT_(ServerSSLOptions, `confSERVER_SSL_OPTIONS', `')
_SM_OPT_(ClientSSLOptions, `confCLIENT_SSL_OPTIONS', `')
_SM_OPT_(SSLEngine, `confSSL_ENGINE', `')
_SM_OPT_(SSLEnginePath, `confSSL_ENGINE_PATH', `')
_SM_OPT_(TLSFallbacktoClear, `confTLS_FALLBACK_TO_CLEAR', `')
_SM_OPT_(CACertPath, `confCACERT_PATH', `')
_SM_OPT_(CACertFile, `confCACERT', `')
_SM_OPT_(ServerCertFile, `confSERVER_CERT', `')
_SM_OPT_(ServerKeyFile, `confSERVER_KEY', `')
_SM_OPT_(ClientCertFile, `confCLIENT_CERT', `')
_SM_OPT_(ClientKeyFile, `confCLIENT_KEY', `')
_SM_OPT_(CRLFile, `confCRL', `')
_SM_OPT_(CRLPath, `confCRL_PATH', `')
_SM_OPT_(DHParameters, `confDH_PARAMETERS', `')
_SM_OPT_(RandFile, `confRAND_FILE', `')
_SM_OPT_(CertFingerprintAlgorithm, `confCERT_FINGERPRINT_ALGORITHM', `')
_SM_OPT_(DANE, `confDANE', `false')

# mail filters
_SM_OPT_(InputMailFilters, `confINPUT_MAIL_FILTERS', `')
ifelse(defn(`_MAIL_FILTERS_DEF'), `', `dnl', `dnl
_SM_OPT_(Milter.LogLevel, `confMILTER_LOG_LEVEL', `')
_SM_OPT_(Milter.macros.connect, `confMILTER_MACROS_CONNECT', `')
_SM_OPT_(Milter.macros.helo, `confMILTER_MACROS_HELO', `')
_SM_OPT_(Milter.macros.envfrom, `confMILTER_MACROS_ENVFROM', `')
_SM_OPT_(Milter.macros.envrcpt, `confMILTER_MACROS_ENVRCPT', `')
_SM_OPT_(Milter.macros.eom, `confMILTER_MACROS_EOM', `')
_SM_OPT_(Milter.macros.eoh, `confMILTER_MACROS_EOH', `')
_SM_OPT_(Milter.macros.data, `confMILTER_MACROS_DATA', `')')
ifdef(`_NEED_SMTPOPMODES_', `
# SMTP operation modes
C{SMTPOpModes} s d D')
')
