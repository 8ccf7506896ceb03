import ArgumentParser

struct Lint: SchemacSubcommand {
    static let configuration = CommandConfiguration(abstract: "Check the schema (validation only for now; rules come with the lint issue).")

    @OptionGroup var schemaOptions: SchemaOptions

    func execute(_ console: Console) -> Int32 {
        guard Pipeline.load(schema: schemaOptions.schema, out: nil, console: console) != nil else { return ExitCode.invalidInput }
        console.print("schemac: \(schemaOptions.schema) is valid")
        return ExitCode.success
    }
}
