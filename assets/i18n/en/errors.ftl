# Error lines of the core: one line, what is wrong and what to do.

error-unknown-language = unknown language "{ $given }"; use en or fr
error-database = database error: { $detail }; run `selfserve check`, or restore the database from a backup
error-unreadable-record = a record in the database cannot be read ({ $detail }); run `selfserve check`, or restore from a backup
