import Dispatch

/// Runs two independent stages at once and waits for both: reading the output
/// folder (file I/O, checksums, snapshot decoding) overlaps compiling the schema.
func concurrently<A: Sendable, B>(_ background: @escaping @Sendable () -> A, _ foreground: () -> B) -> (A, B) {
    let slot = ResultSlot<A>()
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) { slot.value = background() }
    let foregroundResult = foreground()
    group.wait()
    // The group's wait orders the background write before this read.
    return (slot.value!, foregroundResult)
}

/// Written once by the background stage, read once after the group's wait.
private final class ResultSlot<Value>: @unchecked Sendable {
    var value: Value?
}
