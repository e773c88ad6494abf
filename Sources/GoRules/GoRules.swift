// Go rules: one file per rule, registered in one list.
