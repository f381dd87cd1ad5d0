namespace Ledger.Store; public static class Placeholder {}
