// Per-file facts shared by every Go rule live in this module.
