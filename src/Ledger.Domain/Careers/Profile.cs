namespace Ledger.Domain;

/// <summary>A result in a profile: was it the athlete's personal best on its own day, and a national record.</summary>
public sealed record Race(ResultRecorded Result, bool PersonalBest, bool NationalRecord);

/// <summary>What a profile shows of a career as of a date, worked out from the one career.</summary>
public sealed record Profile(
    AthleteRegistered Athlete, IReadOnlyList<PersonalBest> Bests, IReadOnlyList<ChampionshipCount> Championships,
    IReadOnlyList<Race> Races, IReadOnlyList<NationalRecordSet> NationalRecords, IReadOnlyList<ClubJoined> ClubsJoined,
    IReadOnlyList<ClubLeft> ClubsLeft, IReadOnlyList<HonourAwarded> Honours);
