never processed
