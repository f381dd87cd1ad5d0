namespace Ledger.Http.Pages;

/// <summary>The look of every page (<see cref="Layout"/>).</summary>
public static class Styles
{
    public const string Css = """
        body{font:16px/1.45 system-ui,sans-serif;color:#1d2329;max-width:62rem;margin:0 auto;padding:0 1rem 2rem}
        nav{padding:.75rem 0;border-bottom:1px solid #d6dbe0;margin-bottom:1rem}
        nav.pager{border:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
        a{color:#0b57a4}
        h1{font-size:1.6rem;margin:.5rem 0}
        h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d6dbe0}
        h3{font-size:1.05rem}
        .muted{color:#5b6670}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
        th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e8ec;white-space:nowrap}
        td.wrap{white-space:normal;min-width:12rem}
        thead th{background:#f3f5f7}
        .tag{font-size:.75rem;font-weight:600;padding:0 .3rem;border-radius:.25rem;background:#dbe9fb;color:#0b4f94}
        .tag.nr{background:#fde2df;color:#a0251b}
        .tag.out{background:#eceff1;color:#455a64}
        form{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:1rem 0}
        label{display:flex;flex-direction:column;font-size:.85rem;color:#5b6670}
        input,select,button{font:inherit;padding:.25rem .4rem}
        .asof{background:#fff6d6;border:1px solid #ecd47a;padding:.5rem .75rem;border-radius:.25rem}
        figure{margin:1rem 0}
        img.chart{max-width:100%;height:auto;border:1px solid #e4e8ec}
        """;
}
