no warnings here
