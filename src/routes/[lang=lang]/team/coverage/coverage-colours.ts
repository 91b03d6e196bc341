/** From "none" to "most": white (drawn with a dashed edge), then ever darker brick. */
export const LEVEL_COLOURS = ['#ffffff', '#f6d9c4', '#e39a6b', '#a63d15'] as const;
