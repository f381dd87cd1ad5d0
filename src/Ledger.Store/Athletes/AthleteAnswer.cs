using System.Text.Json;
using Ledger.Domain;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Ledger.Store.Athletes;

public sealed record AthleteAnswer(string Athlete);
