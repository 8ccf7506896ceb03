import Dispatch

extension Array where Element: Sendable {
    /// `map(transform)`, computed in chunks on all cores. The results keep the array's
    /// order, so what comes out does not depend on how the chunks were scheduled.
    func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        // A few chunks per core even out chunks that take longer than others.
        let chunkCount = Swift.min(count, 32)
        guard chunkCount > 1 else { return map(transform) }
        let slots = ResultSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            for index in (count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount) {
                slots.store(transform(self[index]), at: index)
            }
        }
        return slots.results()
    }
}

/// One slot per result: each is written by exactly one chunk, and read only after
/// `concurrentPerform` has returned, which orders every write before the reads.
private final class ResultSlots<Result>: @unchecked Sendable {
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
