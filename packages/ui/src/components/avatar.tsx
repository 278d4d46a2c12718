import { useState } from "react";
import { cx } from "../lib/cx";

/** Props of {@link Avatar}. */
export interface AvatarProps {
  /** The person's name: source of the initials and of the default text alternative. */
  name: string;
  src?: string;
  /** Text alternative; defaults to `name`. */
  alt?: string;
  /** Set when the name is already written next to the avatar, so it is not read twice. */
  decorative?: boolean;
  size?: "sm" | "md" | "lg";
  className?: string;
}

const sizes = { sm: "size-8 text-xs", md: "size-10 text-sm", lg: "size-14 text-lg" };

/** Initials of a name: first letters of its first and last words, e.g. "Amina Diallo" → "AD". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ? Array.from(words[0])[0] : "";
  const last = words.length > 1 && words.at(-1) ? Array.from(words.at(-1) ?? "")[0] : "";
  return `${first ?? ""}${last ?? ""}`.toLocaleUpperCase();
}

/**
 * A person's picture, or their initials when there is no picture or it fails to load (on slow
 * links images often do).
 */
export function Avatar({ name, src, alt, decorative, size = "md", className }: AvatarProps) {
  const [failed, setFailed] = useState(false);
  const classes = cx(
    "inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full border border-border-strong bg-surface-muted font-bold text-ink",
    sizes[size],
    className,
  );
  if (src && !failed) {
    return (
      <img
        src={src}
        alt={decorative ? "" : (alt ?? name)}
        onError={() => setFailed(true)}
        className={cx(classes, "object-cover")}
      />
    );
  }
  return decorative ? (
    <span aria-hidden="true" className={classes}>
      {initialsOf(name)}
    </span>
  ) : (
    <span role="img" aria-label={alt ?? name} className={classes}>
      <span aria-hidden="true">{initialsOf(name)}</span>
    </span>
  );
}
