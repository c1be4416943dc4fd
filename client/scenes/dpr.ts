// Sharp drawing on high-density screens: the canvas holds devicePixelRatio × its CSS size in
// pixels (Phaser's zoom shrinks it back on screen), and each scene's camera zooms by the same
// factor, so scenes lay out in CSS pixels and text textures are rendered at that resolution.
import type Phaser from 'phaser';

/** Capped at 2: software WebGL and large 3× phones gain little past it. */
export const DPR = Math.min(
  2,
  Math.max(1, Math.round((typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1) * 4) / 4),
);

export function setupCamera(scene: Phaser.Scene): void {
  scene.cameras.main.setOrigin(0, 0).setZoom(DPR);
}

/** The scene's size in CSS pixels. */
export function viewSize(scene: Phaser.Scene): { width: number; height: number } {
  return { width: scene.scale.width / DPR, height: scene.scale.height / DPR };
}
