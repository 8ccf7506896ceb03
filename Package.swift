// swift-tools-version: 6.2
import PackageDescription

// One module per pipeline stage; dependencies point one way:
// SchemacYAML → SchemacDSL → SchemacIR ← SchemacPlanner ← SchemacSQL / SchemacSwift / SchemacLint ← SchemacCLI ← schemac
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "schemac",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "schemac", targets: ["schemac"]),
        .library(name: "SchemacCLI", targets: ["SchemacCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only SwiftRoundTripTests uses it (PostgresNIO, SQLKit and PostgresKit): the tool's own
        // targets never do, so `swift build` of the tool does not compile it.
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
    ],
    targets: [
        // libyaml (Debian's libyaml-dev), read through its event API.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // YAML text → a lean syntax tree with 1-based line/column on every node.
        .target(name: "SchemacYAML", dependencies: ["CYAML"], swiftSettings: strict),
        // The typed IR every stage shares, plus locations and diagnostics.
        .target(name: "SchemacIR", swiftSettings: strict),
        // DSL front end: YAML syntax tree → validated IR.
        .target(name: "SchemacDSL", dependencies: ["SchemacYAML", "SchemacIR"], swiftSettings: strict),
        // Diff of two IRs → MigrationPlan (knows nothing of SQL text).
        .target(name: "SchemacPlanner", dependencies: ["SchemacIR"], swiftSettings: strict),
        // Design and migration-safety rules over the IR and the pending plan (`schemac lint`).
        .target(name: "SchemacLint", dependencies: ["SchemacIR", "SchemacPlanner"], swiftSettings: strict),
        // PostgreSQL dialect: MigrationPlan → SQL text.
        .target(name: "SchemacSQL", dependencies: ["SchemacIR", "SchemacPlanner"], swiftSettings: strict),
        // IR → Swift model source (typed queries take their SQL from the SQL emitter).
        .target(name: "SchemacSwift", dependencies: ["SchemacIR", "SchemacSQL"], swiftSettings: strict),
        // SHA-256 blocks with the CPU's SHA instructions, when it has them (schemac.sum).
        .target(name: "CSHA256"),
        // Commands, output folder handling; callable in-process by tests.
        .target(
            name: "SchemacCLI",
            dependencies: [
                "SchemacDSL", "SchemacIR", "SchemacPlanner", "SchemacSQL", "SchemacSwift", "SchemacLint", "CSHA256",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Linked with mimalloc (Debian's libmimalloc): the compiler allocates many small
        // strings and arrays, and mimalloc serves them faster than glibc (docs/performance.md).
        .executableTarget(
            name: "schemac", dependencies: ["SchemacCLI"], swiftSettings: strict,
            linkerSettings: [.linkedLibrary("mimalloc")]),
        // Seeded synthetic warehouses in the DSL, and random walks of changes over
        // them: for the migration oracle tests and `make bench`.
        .target(name: "WarehouseSynth", swiftSettings: strict),
        .executableTarget(
            name: "schemac-bench", dependencies: ["WarehouseSynth", "SchemacCLI"], path: "Benchmarks/schemac-bench",
            swiftSettings: strict),

        .testTarget(name: "SchemacYAMLTests", dependencies: ["SchemacYAML"]),
        .testTarget(
            name: "SchemacTests",
            dependencies: ["SchemacDSL", "SchemacIR", "SchemacPlanner", "SchemacSQL", "SchemacSwift", "SchemacCLI", "SchemacLint"],
            exclude: ["Fixtures"]
        ),
        // The throwaway PostgreSQL 15 server, psql and per-test databases, shared by the two
        // test targets that need a real server.
        .target(name: "PostgresHarness", path: "Tests/PostgresHarness", swiftSettings: strict),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["SchemacDSL", "SchemacIR", "SchemacPlanner", "SchemacSQL", "SchemacCLI", "WarehouseSynth", "PostgresHarness"]
        ),
        // The generated Swift compiles, warnings being errors: each target's `Generated` folder is a
        // symlink to generated/Swift (the example) or to a golden output under Tests/SchemacTests/Fixtures/swift.
        .testTarget(name: "GeneratedExampleTests", swiftSettings: strict),
        .testTarget(name: "GeneratedNamingTests", swiftSettings: strict),
        // The every-type golden output, decoded from a real PostgreSQL 15 through PostgresKit, and its
        // SCD2 and hierarchy queries checked against hand-written SQL.
        .testTarget(
            name: "SwiftRoundTripTests",
            dependencies: [
                "SchemacDSL", "SchemacIR", "SchemacPlanner", "SchemacSQL", "PostgresHarness",
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: strict
        ),
    ]
)
