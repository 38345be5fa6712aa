import Link from "next/link";

/** "Previous · page 2 of 5 · Next" under a paged list: plain links, so it works without JavaScript. */
export function Pager({ page, pages, label, previous, next, href }: { page: number; pages: number; label: string; previous: string; next: string; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-4">
      {page > 1 && (
        <Link href={href(page - 1)} className="underline underline-offset-4">
          {previous}
        </Link>
      )}
      <span>{label}</span>
      {page < pages && (
        <Link href={href(page + 1)} className="underline underline-offset-4">
          {next}
        </Link>
      )}
    </nav>
  );
}
