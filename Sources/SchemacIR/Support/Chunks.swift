import Dispatch

/// Work over many independent items (YAML files and entries, tables), split
/// into contiguous chunks that run on all cores. Shared by the stages that
/// parallelise (the front end, the Swift emitter); it lives here because every
/// stage depends on this module.
public enum Chunks {
    /// A few chunks per core even out chunks that take longer than others.
    public static let defaultLimit = 8

    /// `work` applied to each chunk of `0..<count`, the results in chunk order: whatever
    /// is merged from them (declarations, tables, diagnostics) comes out in item order,
    /// however the chunks were scheduled. At most `limit` chunks; with one, `work`
    /// runs on the calling thread.
    public static func map<Result: Sendable>(_ count: Int, limit: Int = defaultLimit, _ work: @Sendable (Range<Int>) -> Result) -> [Result] {
        let chunkCount = min(count, limit)
        guard chunkCount > 1 else { return [work(0..<count)] }
        let slots = ChunkSlots<Result>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            slots.store(work((count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount)), at: chunk)
        }
        return slots.results()
    }
}

/// One slot per chunk: each is written by exactly one chunk, and read only after
/// `concurrentPerform` has returned, which orders every write before the reads.
private final class ChunkSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ result: Result, at index: Int) { slots[index] = result }

    func results() -> [Result] { slots.map { $0! } }
}

extension Array where Element: Sendable {
    /// `map(transform)`, computed in up to `chunks` ordered chunks on all cores: the
    /// result does not depend on how the chunks were scheduled.
    public func concurrentMap<Result: Sendable>(chunks: Int = Chunks.defaultLimit, _ transform: @Sendable (Element) -> Result) -> [Result] {
        Array<Result>(Chunks.map(count, limit: chunks) { range in range.map { transform(self[$0]) } }.joined())
    }
}
