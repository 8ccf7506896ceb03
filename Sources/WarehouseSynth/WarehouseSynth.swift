/// Synthetic warehouses: see WarehouseGenerator.
public enum WarehouseSynth {}
