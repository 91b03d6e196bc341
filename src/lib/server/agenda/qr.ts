import QRCode from 'qrcode';

/**
 * A QR code as an SVG data URL: black squares on white, sharp on any printer. Level M survives
 * a poster that got a bit creased or faded on the wall.
 */
export async function makeQrDataUrl(text: string): Promise<string> {
	const svg = await QRCode.toString(text, {
		type: 'svg',
		errorCorrectionLevel: 'M',
		margin: 2,
		color: { dark: '#000000', light: '#ffffff' }
	});
	return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
