// The `mutinfo` command (subcommands are added as estimators land).
console.log("mutinfo: no estimators yet");
