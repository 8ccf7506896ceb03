print("schemac-bench: not yet")
