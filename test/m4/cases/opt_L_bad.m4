not processed
