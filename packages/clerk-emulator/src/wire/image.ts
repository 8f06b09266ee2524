/**
 * The image every user and organization gets (`has_image: false`): an empty inline SVG, so nothing
 * is fetched from the internet when a UI renders it (it shows initials instead).
 */
export const DEFAULT_IMAGE_URL = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";
