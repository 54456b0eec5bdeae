using Partner.Client;

// A partner site's program against the client Kiota generates from a portal's OpenAPI document:
//   PartnerClient <portal base URL, e.g. http://127.0.0.1:5080/haugiang> <client id> <client secret>
// Prints "PASS <step>" or "FAIL <step>: <why>" for each step; the exit code is the number of failed steps.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: PartnerClient <portal base URL> <client id> <client secret>");
    return 64;
}
var scenario = new Scenario(args[0], args[1], args[2]);
return await scenario.RunAsync();
