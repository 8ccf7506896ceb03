import SchemacCLI

Schemac.main()
