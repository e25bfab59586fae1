import type { Recipe } from "./schema";

/** A recipe as written at a moment: by the user in this tab, or as saved in the draft. */
export interface Written {
  recipe: Recipe;
  updatedAt: number;
}

/**
 * The recipe to show while editing: the user's own latest edit, until the saved draft is newer
 * (loaded, applied from a link or the library, or edited in another tab). Showing the saved copy
 * alone meant waiting for each edit's round trip through IndexedDB, and an edit made before it
 * came back was built on the recipe before it and undid it.
 */
export function latestRecipe(edit: Written | null, saved: Written | null): Recipe | null {
  if (edit && (!saved || edit.updatedAt >= saved.updatedAt)) return edit.recipe;
  return saved?.recipe ?? null;
}
