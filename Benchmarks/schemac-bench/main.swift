print("schemac-bench: pending WarehouseSynth")
