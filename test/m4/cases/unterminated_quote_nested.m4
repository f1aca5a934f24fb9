`outer `inner' still open
