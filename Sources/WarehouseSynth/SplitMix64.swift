/// A tiny, seeded pseudo-random generator (SplitMix64, Steele et al. 2014): the
/// same seed gives the same sequence on every platform and Swift release, which
/// `SystemRandomNumberGenerator` and the standard library's `random(in:using:)`
/// helpers do not promise. Everything in WarehouseSynth draws from it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range` (rejection sampling, so no modulo bias).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        guard span != 0 else { return Int(truncatingIfNeeded: next()) }
        let limit = UInt64.max - UInt64.max % span
        var value = next()
        while value >= limit { value = next() }
        return range.lowerBound + Int(value % span)
    }

    /// true with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        Double(next() >> 11) / Double(UInt64(1) << 53) < p
    }

    /// One element of a non-empty collection.
    public mutating func pick<C: Collection>(_ items: C) -> C.Element where C.Index == Int {
        precondition(!items.isEmpty, "pick from an empty collection")
        return items[items.startIndex + int(in: 0...(items.count - 1))]
    }

    /// One element, or nil when there is none.
    public mutating func maybePick<C: Collection>(_ items: C) -> C.Element? where C.Index == Int {
        items.isEmpty ? nil : pick(items)
    }

    /// A Fisher–Yates shuffle that depends only on this generator.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(i, int(in: 0...i))
        }
        return result
    }

    /// `count` distinct elements in random order (all of them when there are fewer).
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        Array(shuffled(items).prefix(count))
    }
}
